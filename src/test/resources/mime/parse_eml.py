"""Decodes every .eml file in a folder with Python's own email package and iso2022_jp/utf-8 codecs, as an
independent check of what notice-mailer writes. Prints one JSON object: file name -> decoded parts.

The From display name is decoded with email.header.decode_header: the newer address parser of policy.default
puts a space between adjacent encoded-words of a phrase, which RFC 2047 section 6.2 says to ignore."""
import email
import email.header
import email.utils
import json
import os
import sys
from email import policy


def decode(path):
    with open(path, "rb") as f:
        message = email.message_from_binary_file(f, policy=policy.default)
    raw_from = email.message_from_bytes(open(path, "rb").read(), policy=policy.compat32)["from"]
    name, address = email.utils.parseaddr(str(email.header.make_header(email.header.decode_header(raw_from))))
    return {
        "subject": str(message["subject"]),
        "fromName": name,
        "fromAddress": address,
        "to": str(message["to"]),
        "charset": message.get_content_charset(),
        "transferEncoding": message["content-transfer-encoding"],
        "body": message.get_content(),
        "defects": [type(d).__name__ for d in message.defects],
    }


folder = sys.argv[1]
result = {name: decode(os.path.join(folder, name)) for name in sorted(os.listdir(folder)) if name.endswith(".eml")}
print(json.dumps(result, ensure_ascii=True))
