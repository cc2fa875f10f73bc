package org.crmkit.examples;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code crmkit} command line: {@code java -jar examples/target/crmkit.jar <command>}. */
@Command(name = "crmkit", mixinStandardHelpOptions = true, version = "crmkit 0.1.0",
        description = "Runnable examples of the crmkit CRM library.",
        subcommands = {DemoCommand.class})
public final class CrmkitCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new CrmkitCommand()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
