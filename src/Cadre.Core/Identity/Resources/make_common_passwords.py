#!/usr/bin/env python3
"""Writes CommonPasswords.resx: well-known weak passwords that are 12 characters or longer, or that become
so with the suffixes people add to satisfy a length rule ("password" -> "password1234").

The list is built from the bases that top every published breach list (RockYou, the NCSC top 100,000,
SplashData's yearly lists), the usual suffixes, keyboard walks and digit runs. Comparison is
case-insensitive, so only lower-case forms are stored. Run: python3 make_common_passwords.py
"""
import os
from xml.sax.saxutils import escape

BASES = """password passw0rd p@ssword p@ssw0rd pass qwerty qwertyuiop qwertyui azerty azertyuiop asdfgh asdfghjkl
zxcvbnm zxcvbn letmein welcome welcome1 admin administrator root iloveyou loveyou monkey dragon football
baseball basketball soccer hockey sunshine princess master shadow superman batman spiderman michael
jennifer jordan hunter hunter2 trustno1 starwars whatever freedom mustang charlie thomas robert daniel
jessica ashley nicole matthew andrew joshua summer winter spring autumn secret changeme changeit default
computer internet access login abc abcd abcdef abc123 qwe123 asd123 zaq12wsx 1qaz2wsx 1q2w3e4r 1q2w3e
q1w2e3r4 q1w2e3r4t5 qazwsx qwerty123 iloveu lovely loveme love ninja flower cookie pepper ginger maggie
buster tigger killer hello hello123 google facebook youtube microsoft apple samsung cadre itu united
nations geneva london paris newyork chelsea liverpool arsenal barcelona realmadrid manchester yankees
cowboys steelers lakers eagles dolphins cheese chocolate banana orange purple silver golden diamond
angel angels blessed jesus christ faith heaven family friends forever together happy smile pokemon
minecraft fortnite starwars harley ferrari porsche mercedes corvette thunder lightning tiger lion
eagle falcon phoenix matrix hacker security office company business server database oracle mysql
postgres system network wireless guest user test test123 testing temp temporary newpassword
mypassword yourpassword nopassword password! passwd pa55word pa55w0rd p4ssword p4ssw0rd letmein!
welcome! summer! winter! iloveyou! monkey! dragon! master! shadow! qwerty! princess! sunshine!
football! baseball! superman! batman! trustno1! whatever! freedom! charlie! secret! admin! root!
bonjour motdepasse soleil marseille doudou chouchou loulou nicolas julien camille""".split()

SUFFIXES = ["", "1", "12", "123", "1234", "12345", "123456", "1234567", "12345678", "123456789", "1234567890",
            "!", "!!", "1!", "12!", "123!", "1234!", "!1", "!123", "@123", "#1", "01", "007", "69", "99", "00",
            "111", "000", "2000", "2001", "2002", "2003", "2004", "2005", "2010", "2012", "2015", "2018", "2019",
            "2020", "2021", "2022", "2023", "2024", "2025", "2026", "2027", "1990", "1995", "1999", "321",
            "4321", "54321", "654321", "abc", "abc123", "qwerty", "xyz", "2020!", "2021!", "2022!", "2023!",
            "2024!", "2025!", "2026!", "2027!", "1234567!", "12345!", "123456!", "11", "22", "13", "7", "77",
            "777", "88", "888", "0", "10", "100", "101", "1000"]

PREFIXES = ["", "my"]

def digit_runs():
    out = set()
    for n in range(12, 21):
        for d in "0123456789":
            out.add(d * n)
        out.add("".join(str(i % 10) for i in range(1, n + 1)))
        out.add("".join(str(i % 10) for i in range(0, n)))
        out.add("".join(str((10 - i) % 10) for i in range(1, n + 1)))
        out.add("".join(str(9 - (i % 10)) for i in range(0, n)))
        for pair in ("12", "21", "69", "11", "00", "01", "10", "13", "22", "88", "99", "123", "321", "1234", "4321", "147", "258", "369", "159", "357", "789", "987"):
            out.add((pair * n)[:n])
    return out

def keyboard_walks():
    rows = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "azertyuiop", "qsdfghjklm", "wxcvbn", "qwertzuiop", "yxcvbnm"]
    out = set()
    for a in rows:
        for b in rows:
            for s in ("", "1", "12", "123", "!", "1234"):
                out.add(a + b + s)
                out.add(a[::-1] + b[::-1] + s)
            out.add(a + a)
    for s in ("1qaz2wsx3edc", "1qaz2wsx3edc4rfv", "qazwsxedc", "qazwsxedcrfv", "zaq12wsxcde3", "1q2w3e4r5t6y",
              "1q2w3e4r5t6y7u", "q1w2e3r4t5y6", "qweasdzxc", "qweasdzxc123", "!qaz2wsx", "!qaz@wsx#edc",
              "1qazxsw23edc", "qwertyuiop[]", "asdfghjkl;'", "zaq1zaq1zaq1", "zaq1xsw2cde3", "poiuytrewq",
              "lkjhgfdsa", "mnbvcxz", "0987654321", "qwertyuiopasdfghjkl", "qwertyuiopasdfghjklzxcvbnm"):
        for suf in ("", "1", "!", "123", "12", "1234"):
            out.add(s + suf)
    return out

def build():
    words = set()
    for base in BASES:
        base = base.lower()
        for p in PREFIXES:
            for s in SUFFIXES:
                words.add(p + base + s)
        words.add(base + base)
        words.add("ilove" + base + "123")
        words.add("ilove" + base + "1234")
        words.add(base * 3)
    words |= digit_runs()
    words |= keyboard_walks()
    for y in range(1950, 2031):
        for m in ("january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
                  "janvier", "fevrier", "avril", "juillet", "septembre", "octobre", "novembre", "decembre"):
            words.add(m + str(y))
    return sorted(w for w in words if len(w) >= 12 and len(w) <= 64)

if __name__ == "__main__":
    words = build()
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "CommonPasswords.resx"), "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<root>\n')
        f.write('  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>\n')
        f.write('  <resheader name="version"><value>2.0</value></resheader>\n')
        f.write('  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>\n')
        f.write('  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>\n')
        f.write('  <data name="List" xml:space="preserve"><value>' + escape("\n".join(words)) + '</value><comment>Generated by make_common_passwords.py; one password per line, lower case.</comment></data>\n')
        f.write('</root>\n')
    print(len(words), "passwords")
