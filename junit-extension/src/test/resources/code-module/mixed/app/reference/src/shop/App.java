// Never built: without evalunit-code-tasks the task errors before its trial starts.
package shop;

public class App {
}
