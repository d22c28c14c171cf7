#!/usr/bin/env python3
"""The mailer an operator writes by hand: read the CSV, fill the template, send over one reused connection.

Usage: scripts/benchmark/smtplib_loop.py CSV TEMPLATES_DIR HOST PORT

A baseline for scripts/bench, not a product: it keeps no ledger and cannot resume. The FreeMarker templates
are filled with plain substitution (${name}, ${managementCode}, ...) and their <#if> lines dropped, which is
enough for the example templates. The management code is a stand-in derived from the customer id.
"""
import csv
import re
import smtplib
import sys
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

SENDER = ("ディー・エル・マーケット株式会社", "support@dlmarket.example")
COHORTS = {"card": "card-leak", "form": "fake-form-only"}
HOTLINE = {"hotline.phone": "0120-790-230", "hotline.hours": "9:30~18:30(土・日・祝祭日を含む)"}
PLACEHOLDER = re.compile(r'\$\{(?:\.vars\["([^"]+)"\]|([\w.]+))\}')


def load(templates, name):
    text = (templates / name).read_text(encoding="utf-8")
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(("<#", "</#")))


def fill(template, values):
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1) or m.group(2), ""), template)


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    csv_path, templates, host, port = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    templates_by_cohort = {cohort: (load(templates, name + ".subject.ftl"), load(templates, name + ".body.ftl"))
                           for cohort, name in COHORTS.items()}
    sent = 0
    with open(csv_path, encoding="cp932", newline="") as rows, smtplib.SMTP(host, port) as smtp:
        for row in csv.DictReader(rows):
            values = {"name": row["氏名"], "managementCode": "DL-" + row["会員ID"], "決済日時": row["決済日時"],
                      **HOTLINE}
            subject, body = templates_by_cohort[row["区分"]]
            message = EmailMessage()
            message["From"] = f'{SENDER[0]} <{SENDER[1]}>'
            message["To"] = row["メールアドレス"]
            message["Subject"] = fill(subject, values).strip()
            message["Date"] = formatdate(localtime=True)
            message["Message-ID"] = make_msgid(domain="dlmarket.example")
            message.set_content(fill(body, values), charset="utf-8")
            smtp.send_message(message, from_addr=SENDER[1], to_addrs=[row["メールアドレス"]])
            sent += 1
    print(f"smtplib loop: sent {sent} messages")


if __name__ == "__main__":
    main()
