"""The page style of the HTML and PDF renderings: A4, typography close to GB/T 9704.

GB/T 9704 (党政机关公文格式): body 3号仿宋 (16 pt), first-level headings 黑体, the title
小标宋, page numbers 4号 (14 pt) between dashes ("— 1 —") at the foot, odd pages right and even
pages left. The faces are chosen in render.fonts. Tables use 五号 (10.5 pt). The cover and the
目录 print no page number (the count runs on from the cover, so the 目录 matches the foot).
The same sheet is the web page's (screen
rules) and its print style (``@media print``: no link colours, tables not clipped).
"""

from __future__ import annotations

from yusuan.render.fonts import Fonts


def css(fonts: Fonts) -> str:
    """The style sheet, its faces those of ``fonts`` (each followed by the Noto fallbacks)."""
    serif, sans, title = fonts.css("body"), fonts.css("heading"), fonts.css("title")
    # 页码: 4号 (14 pt) 半角宋体阿拉伯数字, 一字线 on each side; odd pages right, even pages left
    page_number = f'content: "— " counter(page) " —"; font-family: {serif}; font-size: 14pt;'
    return f"""
@page {{ size: A4; margin: 37mm 26mm 35mm 28mm; }}
@page table {{ size: A4; margin: 25mm 20mm 25mm 20mm; }}
@page landscape {{ size: A4 landscape; margin: 24mm 22mm 24mm 22mm; }}
@page :right {{ @bottom-right {{ {page_number} margin-right: 1em; }} }}
@page :left {{ @bottom-left {{ {page_number} margin-left: 1em; }} }}
@page front {{ @bottom-right {{ content: none; }} @bottom-left {{ content: none; }} }}
html {{ font-family: {serif}; font-size: 16pt; line-height: 1.75; color: #000; }}
body {{ margin: 0; }}
header.cover {{ page: front; text-align: center; }}
header.cover h1 {{ font-family: {title}; font-weight: bold; font-size: 26pt; line-height: 1.6;
      margin: 60mm 0 0 0; }}
header.cover h1 span {{ display: block; }}
header.cover .issuer {{ font-size: 16pt; margin-top: 90mm; text-indent: 0; text-align: center; }}
header.cover .issued {{ font-size: 16pt; text-indent: 0; text-align: center; }}
nav.contents {{ page: front; break-before: page; }}
nav.contents h2 {{ break-before: avoid; letter-spacing: 1em; }}
nav.contents table {{ border: none; font-size: 16pt; line-height: 1.6; table-layout: auto; }}
nav.contents td {{ border: none; padding: 0; vertical-align: bottom; }}
nav.contents tr.l1 td {{ font-family: {sans}; padding-top: 0.3em; }}
nav.contents tr.l2 td {{ font-size: 14pt; }}
nav.contents tr.l2 td:first-child {{ padding-left: 2em; }}
nav.contents td.page {{ text-align: right; width: 3em; padding-left: 1.5em; }}
nav.contents a {{ color: inherit; text-decoration: none; }}
nav.contents td:first-child a::after {{ content: leader("."); }}
nav.contents td.page a::after {{ content: target-counter(attr(href), page); }}
nav.contents td.page span {{ display: none; }}
h2 {{ font-family: {sans}; font-weight: normal; font-size: 16pt; text-align: center;
      break-before: page; margin: 0 0 1em 0; }}
h3 {{ font-family: {sans}; font-weight: normal; font-size: 16pt; margin: 0.6em 0 0 0;
      break-after: avoid; }}
p {{ margin: 0; text-indent: 2em; text-align: justify; }}
section.table-block {{ break-before: page; page: table; }}
section.table-block.wide {{ page: landscape; }}
h2.part-tables, h2.part-performance {{ page: table; }}
h2 + section.table-block {{ break-before: avoid; }}
section.table-block .number {{ font-family: {sans}; font-size: 12pt; text-indent: 0; }}
section.table-block h3.title {{ font-family: {title}; font-weight: bold; font-size: 18pt;
      text-align: center; margin: 0.2em 0 0.4em 0; white-space: nowrap; }}
section.table-block h3.title.long {{ font-size: 14pt; }}
.meta {{ display: flex; justify-content: space-between; font-size: 11pt; margin-bottom: 2pt; }}
.meta span {{ text-indent: 0; }}
table {{ border-collapse: collapse; width: 100%; font-size: 10.5pt; line-height: 1.3; table-layout: fixed; }}
section.compact table {{ font-size: 10pt; line-height: 1.15; }}
section.compact th, section.compact td {{ padding-top: 1pt; padding-bottom: 1pt; }}
thead {{ display: table-header-group; }}
tr {{ break-inside: avoid; page-break-inside: avoid; }}
th, td {{ border: 0.5pt solid #000; padding: 1.5pt 3pt; vertical-align: middle; }}
thead th {{ font-family: {sans}; font-weight: normal; text-align: center; }}
tbody th {{ font-weight: normal; text-align: left; }}
td.num {{ text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }}
.i1 {{ padding-left: 1.2em; }}
.i2 {{ padding-left: 2.4em; }}
figure.chart {{ margin: 0.8em 0; break-inside: avoid; text-align: center; }}
figure.chart svg {{ font-family: {serif}; max-width: 150mm; }}
figure.chart figcaption {{ font-family: {sans}; font-size: 12pt; }}
p.note {{ font-size: 10.5pt; text-indent: 0; margin-top: 4pt; }}
section.sheet {{ break-before: page; }}
section.sheet td {{ vertical-align: middle; }}
.draft-mark {{ position: fixed; top: 45%; left: 0; right: 0; text-align: center;
      font-family: {sans}; font-size: 150pt; color: rgba(200, 0, 0, 0.2); transform: rotate(-30deg); }}
@media screen {{
  body {{ max-width: 60em; margin: 2em auto; padding: 0 1em; font-size: 12pt; }}
  header.cover h1 {{ margin-top: 1em; }}
  header.cover .issuer {{ margin-top: 1em; }}
  nav.contents td:first-child a::after, nav.contents td.page a::after {{ content: none; }}
  nav.contents td.page span {{ display: inline; }}
  nav.contents {{ border: 1px solid #ccc; padding: 0.5em 1em; margin: 1em 0; }}
  section.table-block {{ margin: 2.5em 0; overflow-x: auto; }}
}}
@media print {{
  a {{ color: inherit; text-decoration: none; }}
  section.table-block {{ overflow: visible; }}
}}
"""
