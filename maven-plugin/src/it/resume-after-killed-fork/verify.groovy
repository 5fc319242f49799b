import groovy.json.JsonSlurper

// Build 1 answered step-1, step-2 and died in step-3; build 2 skipped step-1 and step-2 (unchanged, scored).
def answered = new File(basedir, 'target/answered.log').readLines().findAll { it.trim() }
assert answered == ['step-1', 'step-2', 'step-3', 'step-3', 'step-4', 'step-5']

def summary = new JsonSlurper().parse(new File(basedir, 'target/evalunit/summary.json'))
assert summary.total == 5
assert summary.passed == 5
assert summary.errors == 0

def surefire = new File(basedir, 'target/surefire-reports/TEST-com.acme.StepsEvalTest.xml').text
assert surefire.contains('tests="5"')
assert surefire.contains('failures="0"')
return true
