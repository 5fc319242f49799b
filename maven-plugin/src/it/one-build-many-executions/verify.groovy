import groovy.json.JsonSlurper

// Each task of the build once: alpha 3 (passed), beta 3 passed + 1 failed + 1 broken file, gamma 2 through the
// @Suite, 2 more through Failsafe. AlphaEvalTest ran twice (two Surefire executions): counted once, reported.
def summary = new JsonSlurper().parse(new File(basedir, 'target/evalunit/summary.json'))
assert summary.total == 12
assert summary.passed == 10
assert summary.failed == 1
assert summary.errors == 1
assert summary.suites.keySet() == ['com.acme.AlphaEvalTest', 'com.acme.BetaEvalTest', 'com.acme.GammaAgainIT', 'gamma'] as Set

// This build's lines only, none of the first build's: 12 tasks, 3 of them scored a second time.
def lines = new File(basedir, 'target/evalunit/results.jsonl').readLines().findAll { it.trim() }
assert lines.size() == 15

// Surefire's own counts agree: the first execution 10 tests, 1 failure, 1 error; Failsafe 2.
def count = { dir, attribute ->
    new File(basedir, dir).listFiles().findAll { it.name.startsWith('TEST-') && it.name.endsWith('.xml') }.sum {
        def suite = (it.text =~ /<testsuite\b[^>]*>/)[0]
        (suite =~ /\b${attribute}="(\d+)"/)[0][1] as int
    } ?: 0
}
assert count('target/surefire-reports', 'tests') == 10
assert count('target/surefire-reports', 'failures') == 1
assert count('target/surefire-reports', 'errors') == 1
assert count('target/surefire-reports-again', 'tests') == 3
assert count('target/failsafe-reports', 'tests') == 2

def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] EvalUnit gate passed: ')
assert log.contains('was scored 2 times')
return true
