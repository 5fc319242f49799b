// Builds the consumer project from README.md alone: its POM, its suite class and its task file, as written.
def readme = new File(readme).getText('UTF-8')

def section = readme.substring(readme.indexOf('## Use it in your project'))
def block = { String text, String language ->
    def start = text.indexOf('```' + language + '\n')
    assert start >= 0 : "README.md: no ```${language} block where expected"
    def body = start + language.length() + 4
    text.substring(body, text.indexOf('\n```', body) + 1)
}

def pom = block(section, 'xml')
assert pom.contains('<artifactId>evalunit-junit</artifactId>')
assert pom.contains("<version>${projectVersion}</version>") : "README.md's consumer POM is not at version ${projectVersion}"
new File(basedir, 'pom.xml').setText(pom, 'UTF-8')

def suite = block(section, 'java')
assert suite.contains('class SreEvalTest')
def suiteFile = new File(basedir, 'src/test/java/com/acme/SreEvalTest.java')
suiteFile.parentFile.mkdirs()
suiteFile.setText(suite, 'UTF-8')

def taskIntro = 'Write a task file, `src/test/resources/sre/tools/oom.yaml`'
assert section.contains(taskIntro)
def task = block(section.substring(section.indexOf(taskIntro)), 'yaml')
def taskFile = new File(basedir, 'src/test/resources/sre/tools/oom.yaml')
taskFile.parentFile.mkdirs()
taskFile.setText(task, 'UTF-8')
return true
