def log = new File(basedir, 'build.log').text
assert log =~ /EvalUnit gate failed for model gpt-4o: the pass rate fell significantly against the baseline \S*paired-baseline.summary\.json: difference -0\.20 \(95% CI -0\.33 to -0\.07\) over 40 paired tasks, McNemar's exact test p = 0\.008 < significanceLevel 0\.05/
// Passed in 33/40 before (01..33), in 25/40 now (01..25).
assert log.contains('''
  passed in the baseline, fail now (8):
    qa/task-26 (com.acme.SreEvalTest)''')
assert log.contains('    qa/task-33 (com.acme.SreEvalTest)')
return true
