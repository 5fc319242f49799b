def log = new File(basedir, 'build.log').text
assert log.contains('EvalUnit gate failed for model gpt-4o: 2 tasks could not be scored (errors), more than maxErrors 1')
assert log.contains('''
  errored tasks (2):
    incidents/task-09 (com.acme.SreEvalTest): ModelCallException: chat call failed, caused by ConnectException: Connection refused
    incidents/task-10 (com.acme.SreEvalTest): ModelCallException: chat call failed, caused by ConnectException: Connection refused''')
return true
