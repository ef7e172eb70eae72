package dev.cinema.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Faults injected the way an operator would: the project's own scripts (infra/bin/*.sh stop|start) and kill -9 of
 * the pid that those scripts recorded under .data/pids. Run from the root of the checkout that started the stack.
 */
final class Scripts {

    private final Path root;
    private final boolean rehearsal;

    /** In a rehearsal the faults are only printed: the scenarios' load and checks run on a stack others use. */
    Scripts(Path root, boolean rehearsal) {
        this.root = root;
        this.rehearsal = rehearsal;
    }

    void run(String script, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", root.resolve("infra/bin/" + script).toString()));
        command.addAll(List.of(args));
        System.err.println("  $ " + String.join(" ", command.subList(1, command.size())) + (rehearsal ? "   (rehearsal: not run)" : ""));
        if (rehearsal) {
            return;
        }
        Process process = new ProcessBuilder(command).directory(root.toFile()).inheritIO().start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(script + " " + String.join(" ", args) + " failed");
        }
    }

    /** kill -9 of a component started by the scripts; returns its pid. */
    long killHard(String name) throws Exception {
        Path pidFile = root.resolve(".data/pids/" + name + ".pid");
        if (rehearsal && !Files.exists(pidFile)) {
            System.err.println("  $ kill -9 $(cat " + pidFile + ")   (rehearsal: not run)");
            return -1;
        }
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        System.err.println("  $ kill -9 " + pid + "   (" + name + ")" + (rehearsal ? "   (rehearsal: not run)" : ""));
        if (rehearsal) {
            return pid;
        }
        ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(name + " is not running (pid " + pid + ")"))
                .destroyForcibly();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return pid;
    }
}
