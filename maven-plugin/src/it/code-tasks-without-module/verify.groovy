import groovy.json.JsonSlurper

// Without evalunit-code-tasks the consumer's class path has neither protobuf nor the OTLP messages.
def classpath = new File(basedir, 'target/test-classpath.txt').text
assert !classpath.contains('protobuf-java')
assert !classpath.contains('opentelemetry-proto')
assert !classpath.contains('opentelemetry-sdk-extension-autoconfigure')

def summary = new JsonSlurper().parse(new File(basedir, 'target/evalunit/summary.json'))
assert summary.total == 2
assert summary.passed == 1
assert summary.errors == 1

// The code task is an error, not a failure, and says where it is and what to add.
def surefire = new File(basedir, 'target/surefire-reports/TEST-com.acme.ShopEvalTest.xml').text
assert surefire.contains('tests="2"')
assert surefire.contains('errors="1"')
assert surefire.contains('failures="0"')
assert surefire.contains('shop/app.yaml:1:1: a code or agent task needs dev.evalunit:evalunit-code-tasks:' + projectVersion)
assert surefire.contains('&lt;artifactId&gt;evalunit-code-tasks&lt;/artifactId&gt;&lt;version&gt;' + projectVersion)

def log = new File(basedir, 'build.log').text
assert !log.contains('NoClassDefFoundError')
return true
