package org.crmkit.examples;

import java.io.IOException;

import org.crmkit.spi.CrmException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code crmkit} command line: {@code java -jar examples/target/crmkit.jar <command>}. */
@Command(name = "crmkit", mixinStandardHelpOptions = true, version = "crmkit 0.1.0",
        description = "Runnable examples of the crmkit CRM library.",
        subcommands = {DemoCommand.class, ClvCommand.class, RfmCommand.class, SegmentsCommand.class})
public final class CrmkitCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line, reporting a failed command (a crmkit error, a file that cannot be read) as one line on the
     * error stream with exit code 2 instead of a stack trace.
     */
    static CommandLine commandLine() {
        return new CommandLine(new CrmkitCommand()).setExecutionExceptionHandler((e, line, parsed) -> {
            if (!(e instanceof CrmException) && !(e instanceof IOException)) {
                throw e;
            }
            line.getErr().println("crmkit " + line.getCommandName() + ": " + e.getMessage());
            return 2;
        });
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
