import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('EvalUnit gate failed for model half-right: pass rate 0.50 (10 tasks, 95% CI 0.24-0.76) is below minPassRate 0.60')
assert log.contains('task-01 (com.acme.IncidentsEvalTest)')
assert log.contains('BUILD FAILURE')

def summary = new JsonSlurper().parse(new File(basedir, 'target/evalunit/summary.json'))
assert summary.total == 10
assert summary.passed == 5
assert summary.failed == 5
assert summary.errors == 0
assert summary.passRate == 0.5

def lines = new File(basedir, 'target/evalunit/results.jsonl').readLines().findAll { it.trim() }
assert lines.size() == 10

def surefire = new File(basedir, 'target/surefire-reports/TEST-com.acme.IncidentsEvalTest.xml').text
assert surefire.contains('tests="10"')
assert surefire.contains('failures="5"')
assert surefire.contains('errors="0"')
return true
