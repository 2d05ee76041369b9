#!/usr/bin/env python3
"""Writes a pair of .resx files (English and French) from one table, so the two never drift apart.

Usage: tools/resx.py TABLE.tsv OUT_BASE   (TABLE: key<TAB>english<TAB>french per line)
Writes OUT_BASE.resx and OUT_BASE.fr.resx.
"""
import sys
from xml.sax.saxutils import escape

HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''

def main(table, base):
    rows = []
    for n, line in enumerate(open(table, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'):
            continue
        parts = line.split('\t')
        if len(parts) != 3:
            sys.exit(f'{table}:{n}: expected key<TAB>en<TAB>fr')
        rows.append(parts)
    keys = [r[0] for r in rows]
    dup = {k for k in keys if keys.count(k) > 1}
    if dup:
        sys.exit(f'duplicate keys: {sorted(dup)}')
    for suffix, col in (('', 1), ('.fr', 2)):
        with open(f'{base}{suffix}.resx', 'w', encoding='utf-8') as f:
            f.write(HEADER)
            for r in sorted(rows):
                f.write(f'  <data name="{escape(r[0], {chr(34): "&quot;"})}" xml:space="preserve"><value>{escape(r[col])}</value></data>\n')
            f.write('</root>\n')

if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
