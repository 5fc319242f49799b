def log = new File(basedir, 'build.log').text
def expected = new File(basedir, 'target/evalunit').path
assert log.contains("no EvalUnit results: ${expected} does not exist (looked for summary.json and results.jsonl there)")
assert !log.contains('EvalUnit gate passed')
return true
