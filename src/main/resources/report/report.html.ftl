<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>notice-mailer report: ${campaign}</title>
<style>
  body { font-family: sans-serif; margin: 2em; color: #222; background: #fff; }
  h1 { font-size: 1.5em; margin-bottom: 0.2em; }
  h2 { font-size: 1.15em; margin-top: 2em; border-bottom: 2px solid #2b6cb0; padding-bottom: 0.2em; }
  .meta { color: #555; }
  table { border-collapse: collapse; margin-top: 0.5em; }
  th, td { border: 1px solid #bbb; padding: 0.25em 0.6em; text-align: left; }
  td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
  th { background: #edf2f7; }
  tr.zero td { color: #999; }
  .SENT { color: #276749; font-weight: bold; } .FAILED, .INVALID, .BOUNCED { color: #c53030; font-weight: bold; }
  tfoot td { border-top: 2px solid #888; }
  .UNKNOWN { color: #b7791f; font-weight: bold; } .DEFERRED, .PENDING { color: #2c5282; }
  svg .bar { fill: #2b6cb0; } svg .axis { stroke: #555; stroke-width: 1; } svg text { font-size: 11px; fill: #333; }
  .none { color: #555; font-style: italic; }
</style>
</head>
<body>
<h1>Campaign <span id="campaign">${campaign}</span></h1>
<p class="meta">Generated ${generatedAt} · times in ${zone} · <span id="total">${total}</span> deliveries ·
  <span id="rejected-lines">${rejectedLines}</span> rejected input lines · addresses are masked</p>

<h2>Totals per status and cohort</h2>
<table id="totals">
  <thead><tr><th>status</th><th class="n">total</th><#list cohorts as cohort><th class="n">${cohort}</th></#list></tr></thead>
  <tbody>
  <#list rows as row>
    <tr id="status-${row.status}"<#if row.total == 0> class="zero"</#if>><td class="${row.status}">${row.status}</td><td class="n total">${row.total}</td><#list row.cohorts as n><td class="n">${n}</td></#list></tr>
  </#list>
  </tbody>
  <tfoot>
    <tr id="bounced"<#if bounced == 0> class="zero"</#if>><td class="BOUNCED">of SENT: bounced later</td><td class="n total">${bounced}</td><#list bouncedByCohort as n><td class="n">${n}</td></#list></tr>
  </tfoot>
</table>

<h2>Sends over time</h2>
<#if chart.bars?size == 0>
<p class="none" id="chart-empty">Nothing sent yet.</p>
<#else>
<p class="meta">Messages sent per ${chart.interval}; highest: <span id="chart-max">${chart.max}</span>.</p>
<svg id="chart" xmlns="http://www.w3.org/2000/svg" width="${chart.width + 60}" height="${chart.height + 40}" role="img" aria-label="messages sent over time">
  <g transform="translate(50,10)">
    <#list chart.bars as bar><rect class="bar" x="${bar.x}" y="${bar.y}" width="${bar.width}" height="${bar.height}" data-count="${bar.count}"><title>${bar.label}: ${bar.count}</title></rect>
    </#list>
    <line class="axis" x1="0" y1="${chart.height}" x2="${chart.width}" y2="${chart.height}"/>
    <line class="axis" x1="0" y1="0" x2="0" y2="${chart.height}"/>
    <text x="-6" y="10" text-anchor="end">${chart.max}</text>
    <text x="-6" y="${chart.height}" text-anchor="end">0</text>
    <text x="0" y="${chart.height + 16}">${chart.firstLabel}</text>
    <text x="${chart.width}" y="${chart.height + 16}" text-anchor="end">${chart.lastLabel}</text>
  </g>
</svg>
</#if>

<h2>Not delivered, by reason and domain</h2>
<#if failures?size == 0>
<p class="none" id="failures-empty">No FAILED, INVALID or DEFERRED delivery, and no bounce.</p>
<#else>
<p class="meta">BOUNCED: accepted by the relay (SENT), then reported failed by a delivery status notification
  (read with the <code>bounces</code> command).</p>
<table id="failures">
  <thead><tr><th>status</th><th>reason</th><th>domain</th><th class="n">count</th><th>example</th></tr></thead>
  <tbody>
  <#list failures as f>
    <tr><td class="${f.status}">${f.status}</td><td>${f.reason}</td><td>${f.domain}</td><td class="n">${f.count}</td><td>${f.example}</td></tr>
  </#list>
  </tbody>
</table>
<#if failureGroups gt failures?size><p class="meta">The ${failures?size} largest of ${failureGroups} groups.</p></#if>
</#if>

<h2>UNKNOWN (in doubt): <span id="unknown-count">${unknownCount}</span></h2>
<#if unknownCount == 0>
<p class="none" id="unknown-empty">No delivery is in doubt.</p>
<#else>
<p class="meta">These may or may not have arrived: look for their Message-ID in the relay's log, then
  <code>resend JOBFILE --unknown --customer ID…</code> for those that did not.</p>
<table id="unknown">
  <thead><tr><th>customer</th><th>address</th><th>management code</th><th>last attempt</th><th>Message-ID</th><th>reason</th></tr></thead>
  <tbody>
  <#list unknown as u>
    <tr><td>${u.customerId}</td><td>${u.address}</td><td>${u.code}</td><td>${u.lastAttempt}</td><td>${u.messageId}</td><td>${u.reason}</td></tr>
  </#list>
  </tbody>
</table>
<#if unknownCount gt unknown?size><p class="meta">The first ${unknown?size} of ${unknownCount}: <code>report --format csv</code> lists them all.</p></#if>
</#if>
</body>
</html>
