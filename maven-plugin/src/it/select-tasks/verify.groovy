import groovy.json.JsonSlurper

def summary = new JsonSlurper().parse(new File(basedir, 'target/evalunit/summary.json'))
assert summary.total == 2
assert summary.tasks*.task as Set == ['tools/oom', 'tools/disk'] as Set

def surefire = new File(basedir, 'target/surefire-reports/TEST-com.acme.SreEvalTest.xml').text
assert surefire.contains('tests="2"')
assert surefire.contains('errors="0"')
return true
