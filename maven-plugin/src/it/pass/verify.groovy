def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] EvalUnit gate passed for model gpt-4o: pass rate 0.50 (10 tasks, 95% CI 0.24-0.76), '
        + '5 passed, 5 failed, 0 errors (minPassRate 0.50, maxErrors 0)')
assert log.findAll('EvalUnit gate').size() == 1
assert log.contains('BUILD SUCCESS')
return true
