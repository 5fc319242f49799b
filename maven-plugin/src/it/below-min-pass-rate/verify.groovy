def log = new File(basedir, 'build.log').text
assert log.contains('EvalUnit gate failed for model gpt-4o: pass rate 0.50 (10 tasks, 95% CI 0.24-0.76) is below minPassRate 0.60')
assert log.contains('''
  failed tasks (5):
    incidents/task-03 (com.acme.SreEvalTest)
    incidents/task-04 (com.acme.SreEvalTest)
    incidents/task-08 (com.acme.SreEvalTest)
    incidents/task-09 (com.acme.SreEvalTest)
    incidents/task-10 (com.acme.SreEvalTest)''')
assert log.contains('BUILD FAILURE')
return true
