package web

// verdictPage is the plain verdict page of the Digital Link resolver; the pages issue makes it
// beautiful. Colour is never the only signal: the verdict is in words and an icon too.
const verdictPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Verdict}} — PharmaTrace</title>
<style>body{font-family:system-ui,sans-serif;margin:0;padding:1rem;max-width:40rem}
.v{padding:1rem;border-radius:.5rem;font-size:1.5rem;font-weight:700}
.ok{background:#e6f4ea;color:#0b5a1e}.bad{background:#fde8e8;color:#8a1010}
dt{font-weight:600;margin-top:.5rem}</style></head>
<body>
<div class="v {{if .Verdict.Safe}}ok{{else}}bad{{end}}" role="status">{{if .Verdict.Safe}}✔{{else}}✖{{end}} {{.Verdict}}</div>
<p>{{.Message}}</p>
{{with .Advice}}<p><strong>{{.}}</strong></p>{{end}}
<dl>
{{with .Product}}<dt>Medicine</dt><dd>{{.Name}} {{.Strength}}, {{.Form}} × {{.PackSize}}</dd>{{end}}
{{with .Batch}}<dt>Batch</dt><dd>{{.Lot}}, expires {{.Expiry}}</dd>{{end}}
{{with .Manufacturer}}<dt>Manufacturer</dt><dd>{{.Name}} (GLN {{.GLN}})</dd>{{end}}
{{with .Code}}<dt>Serial</dt><dd>{{.Serial}}</dd>{{end}}
{{with .Pack}}{{with .DecommissionedBy}}<dt>Taken out of the supply chain by</dt><dd>{{.Name}}</dd>{{end}}{{end}}
{{if .Custody}}<dt>Where this batch has been</dt><dd><ol>{{range .Custody}}<li>{{.From.Name}} → {{.To.Name}}, {{.Received.Format "2006-01-02"}}</li>{{end}}</ol></dd>{{end}}
</dl>
<p><small>Checked {{.CheckedAt.Format "2006-01-02 15:04 MST"}} against block {{.Block}}.</small></p>
</body></html>
`
