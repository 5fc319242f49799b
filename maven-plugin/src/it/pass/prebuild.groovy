// What the EvalUnit engine leaves in the default report directory, target/evalunit.
def from = new File(fixtures, 'ten-tasks')
def to = new File(basedir, 'target/evalunit')
to.mkdirs()
from.eachFile { file -> new File(to, file.name).bytes = file.bytes }
return true
