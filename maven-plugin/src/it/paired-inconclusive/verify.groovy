def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log =~ /\[INFO\] EvalUnit model gpt-4o against the baseline \S*paired-baseline.summary\.json: difference -0\.05 \(95% CI -0\.12 to \+0\.02\) over 40 paired tasks, McNemar's exact test p = 0\.500; 2 newly failing, 0 newly passing/
// Planned at the end of the Wilson interval of 31/40 (0.625-0.877) nearest 1/2, 0.625: a task's difference has
// sd sqrt(2 * 0.625 * 0.375) = 0.6847, and z(0.975) + z(0.8) = 2.8016 standard errors of 0.6847 / sqrt(40) are 0.30
// (statsmodels' NormalIndPower gives 0.3033, 1471.7 tasks for 0.05, 367.9 for 0.10).
assert log =~ /\[WARNING\] EvalUnit gate inconclusive for model gpt-4o against the baseline \S*: inconclusive: 40 tasks of 1 trial cannot detect a drop of 0\.05 \(5 points\): at level 0\.05 and 80% power the smallest detectable drop is 0\.30; 1472 tasks, or 37 trials per task, would detect it/
assert log =~ /EvalUnit gate passed for model gpt-4o: pass rate 0\.78 .*no significant drop at 0\.05 against/
assert log.contains('[INFO] EvalUnit plan for model gpt-4o: 40 tasks, 1.0 trials per task, trial pass rate 0.78: at level 0.05 and 80% power a paired comparison detects a drop of 0.30 or more')
assert log.contains('[INFO]   a drop of 0.05 needs 1472 tasks at these trials, or 37 trials per task with these 40 tasks')
assert log.contains('[INFO]   a drop of 0.10 needs 368 tasks at these trials, or 10 trials per task with these 40 tasks')
return true
