def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] EvalUnit gate passed for model gpt-4o: pass rate 0.80 (10 tasks, 95% CI 0.49-0.94), '
        + '8 passed, 2 failed, 0 errors (minPassRate 0.80, maxErrors 0; merged from 2 report directories)')
return true
