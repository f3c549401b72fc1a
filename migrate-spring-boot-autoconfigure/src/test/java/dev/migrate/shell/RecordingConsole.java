package dev.migrate.shell;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A console that records what a command writes and answers its questions from a script. */
final class RecordingConsole implements DbConsole {

    final List<String> out = new ArrayList<>();
    final List<String> err = new ArrayList<>();
    final List<String> questions = new ArrayList<>();
    private final boolean interactive;
    private final Deque<Boolean> answers = new ArrayDeque<>();

    RecordingConsole(boolean interactive, Boolean... answers) {
        this.interactive = interactive;
        this.answers.addAll(List.of(answers));
    }

    static RecordingConsole oneShot() {
        return new RecordingConsole(false);
    }

    @Override
    public void out(String text) {
        out.addAll(text.lines().toList());
    }

    @Override
    public void err(String text) {
        err.addAll(text.lines().toList());
    }

    @Override
    public boolean interactive() {
        return interactive;
    }

    @Override
    public boolean confirm(String question) {
        if (!interactive) {
            throw new AssertionError("asked with nobody there: " + question);
        }
        questions.add(question);
        if (answers.isEmpty()) {
            throw new AssertionError("unexpected question: " + question);
        }
        return answers.pop();
    }
}
