import groovy.json.JsonSlurper

// The last build: nop fails the README's task, and the gate passed only because -Devalunit.minPassRate=0 overrode 0.8.
def summary = new JsonSlurper().parse(new File(basedir, 'target/evalunit/summary.json'))
assert summary.total == 1
assert summary.failed == 1
assert summary.tasks*.task == ['tools/oom']
assert summary.tasks*.suite == ['com.acme.SreEvalTest']

def log = new File(basedir, 'build.log').text
assert log.contains('EvalUnit gate passed for model nop: pass rate 0.00 (1 task')
assert log.contains('minPassRate 0.00')

def surefire = new File(basedir, 'target/surefire-reports/TEST-com.acme.SreEvalTest.xml').text
assert surefire.contains('tests="1"')
assert surefire.contains('testcase name="tools/oom"')
return true
