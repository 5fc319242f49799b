def log = new File(basedir, 'build.log').text
assert log =~ /cannot merge the EvalUnit results: shard 2\/2 of suite com\.acme\.SreEvalTest for model gpt-4o is missing; found shard 1\/2 in \S*shard-1-of-2/
assert !log.contains('EvalUnit gate passed')
return true
