// The console of a consumer build, from start to end, as a user reads it.
def log = new File(basedir, 'build.log').text

// One Running line for the class, however many models it runs.
assert (log =~ /Running com\.acme\.SreEvalTest/).size() == 1 : 'one Running line per class'
// No warnings from libraries the suite does not use.
assert !log.contains('SLF4J') : 'no SLF4J provider warnings'
assert !log.toLowerCase().contains('cuda') : 'no CUDA warnings'
// Failure messages are the report: no engine-internal stack frames under them.
assert !log.contains('at dev.evalunit.junit.engine.') : 'no engine stack frames'
assert !log.contains('at org.junit.platform.engine.support.hierarchical') : 'no platform stack frames'
// The broken file is reported with where and what, as an error of its own (one per model), and
// only so: no JUnit discovery warning repeats it (the platform would log it at Surefire's discovery
// and again after execution). Each model's error shows in the test's lines and in Surefire's recap.
assert log.contains('sre/broken.yaml:2:1: unknown key "colour"')
assert !log.contains('non-critical issue') : 'no JUnit discovery warnings'
assert !log.contains('DiscoveryIssueNotifier') : 'no JUnit discovery warnings'
assert (log =~ /sre\/broken\.yaml:2:1: unknown key "colour"/).size() == 4 : 'the broken file: 2 models x (error + recap)'
assert !log.contains('a filter left out its test') : 'no filter ran, so no test was left out'
// The failed check, the progress line, the summary, the report.
assert log.contains('expected to contain "memory", was "No idea."')
assert log =~ /EvalUnit \[knows-nothing\] 2\/2 done · 0 passed · 2 failed · 0 errors/
assert log.contains('EvalUnit leaderboard:')
assert log.contains('EvalUnit report: ')
assert new File(basedir, 'target/evalunit/report.html').isFile()
// Agents that call no model spent no tokens: no token lines to read past.
assert !log.contains('EvalUnit tokens')
assert log.contains('BUILD SUCCESS')
return true
