def log = new File(basedir, 'build.log').text
assert log =~ /EvalUnit gate failed for model gpt-4o: pass rate fell from 0\.80 to 0\.50 \(10 tasks\) against the baseline \S*baseline.summary\.json, a drop of 0\.30, more than maxRegression 0\.10/
// Passed in 8/10 before (01..08), in 5/10 now (01, 02, 05, 06, 07).
assert log.contains('''
  passed in the baseline, fail now (3):
    incidents/task-03 (com.acme.SreEvalTest)
    incidents/task-04 (com.acme.SreEvalTest)
    incidents/task-08 (com.acme.SreEvalTest)''')
return true
