def log = new File(basedir, 'build.log').text
def report = new File(basedir, 'target/evalunit/report.html')
assert log.contains('[INFO] EvalUnit report: ' + report.path + ' (10 tasks from 2 report directories)')
def html = report.text
// Self-contained: the data of every task of both shards, the baseline's verdicts, nothing fetched.
(1..10).each { n -> assert html.contains('"task":"incidents/task-' + String.format('%02d', n) + '"') }
assert html.contains('"baseline":[')
// Priced by the goal's evalunit.prices: 3055 in + 455 out tokens at 1000 per million each way.
assert html.contains('"costs":{"byModel":{"gpt-4o":"3.5100"},"total":"3.5100"}')
assert !(html =~ /(?i)(src|href)\s*=\s*["']?(https?:)?\/\//)
return true
