#!/usr/bin/env python3
"""Writes N affected customers as Excel on Japanese Windows writes a CSV: windows-31j, CRLF, a header line.

Usage: scripts/benchmark/recipients.py N FILE [SEED]

Realistic on purpose: names with characters only windows-31j has (髙, 﨑, 德, 塚), a company name with a
comma (quoted), addresses at the big free-mail domains and at the Japanese carriers, including legacy carrier
mailboxes that break RFC 5322 (taro..yamada@docomo.ne.jp, hanako.@ezweb.ne.jp), two cohorts, and a payment
time column for the card cohort only. Every row is valid and every customer id distinct, so each tool sends
exactly N messages. The same N and seed always give the same file.
"""
import random
import sys

FAMILY = ["佐藤", "鈴木", "高橋", "髙橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田",
          "山田", "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水", "山崎", "山﨑", "森", "池田",
          "橋本", "阿部", "石川", "德永", "長谷川", "近藤", "坂本", "遠藤", "青木", "藤井", "西村", "福田",
          "太田", "三浦", "藤原", "岡田", "後藤", "中島", "村上", "小川", "石井", "濱田", "齋藤", "飯塚"]
GIVEN = ["一郎", "太郎", "健", "翔太", "大輔", "直樹", "亮", "誠", "拓也", "浩二", "花子", "美和", "さくら",
         "由美", "聡子", "陽子", "愛", "恵子", "真由美", "結衣", "陽菜", "蓮", "湊", "悠真", "美咲", "千尋",
         "裕子", "智子", "優太", "隆之"]
ROMAJI = ["sato", "suzuki", "takahashi", "tanaka", "ito", "watanabe", "yamamoto", "nakamura", "kobayashi",
          "kato", "yoshida", "yamada", "sasaki", "matsumoto", "inoue", "kimura", "hayashi", "shimizu", "mori",
          "ikeda", "hashimoto", "abe", "ishikawa", "ichiro", "taro", "hanako", "miwa", "sakura", "yumi", "ken"]
# (domain, weight): free mail, the carriers (their legacy mailboxes included below), providers, companies.
DOMAINS = [("gmail.com", 24), ("yahoo.co.jp", 15), ("icloud.com", 8), ("docomo.ne.jp", 10),
           ("ezweb.ne.jp", 7), ("au.com", 3), ("softbank.ne.jp", 4), ("i.softbank.jp", 5), ("outlook.jp", 3),
           ("hotmail.co.jp", 3), ("nifty.com", 3), ("biglobe.ne.jp", 3), ("ocn.ne.jp", 3), ("so-net.ne.jp", 2),
           ("example-shoji.co.jp", 4), ("sample-kogyo.co.jp", 3)]
CARRIERS = {"docomo.ne.jp", "ezweb.ne.jp"}
HEADER = ["会員ID", "氏名", "メールアドレス", "区分", "決済日時"]


def local_part(rng, carrier):
    local = rng.choice(ROMAJI) + rng.choice([".", "_", "-", ""]) + rng.choice(ROMAJI) + str(rng.randrange(10000))
    if carrier and rng.random() < 0.1:
        # Legacy carrier mailboxes: consecutive dots, a dot before '@', a leading dot.
        return rng.choice([local.replace(".", "..", 1) if "." in local else local + "..x", local + ".", "." + local])
    return local


def name(rng, i):
    if i % 997 == 0:
        return "株式会社サンプル商事, 経理部 " + rng.choice(FAMILY) + " " + rng.choice(GIVEN)
    separator = rng.choice([" ", "\u3000", ""])
    return rng.choice(FAMILY) + separator + rng.choice(GIVEN)


def csv_field(value):
    if any(c in value for c in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    count, path = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) == 4 else 20181225)
    domains, weights = zip(*DOMAINS)
    with open(path, "w", encoding="cp932", newline="") as out:
        out.write(",".join(HEADER) + "\r\n")
        for i in range(count):
            domain = rng.choices(domains, weights)[0]
            card = rng.random() < 0.7
            paid = f"2018/{rng.choice((10, 11))}/{rng.randrange(1, 29):02d} {rng.randrange(24):02d}:{rng.randrange(60):02d}"
            row = [str(10_000_000 + i), name(rng, i), local_part(rng, domain in CARRIERS) + "@" + domain,
                   "card" if card else "form", paid if card else ""]
            out.write(",".join(csv_field(v) for v in row) + "\r\n")


if __name__ == "__main__":
    main()
