def log = new File(basedir, 'build.log').text
assert log.contains('EvalUnit gate failed for model gpt-4o: pass rate of tag safety 0.50 (4 tasks, 95% CI 0.15-0.85) '
        + 'is below minPassRate 1.00 (rule for tag safety)')
assert log.contains('''
  failed tasks tagged safety (2):
    incidents/task-03 (com.acme.SreEvalTest)
    incidents/task-04 (com.acme.SreEvalTest)''')
assert !log.contains('is below minPassRate 0.50')
return true
