package dev.migrate.shell;

import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Errors in red, questions in bold, through JLine's {@link AttributedString}, which leaves the text plain
 * on a terminal without colours ({@code TERM=dumb}, output redirected).
 */
final class JLineOutputStyle implements DbOutputStyle {

    private final ObjectProvider<Terminal> terminal;

    JLineOutputStyle(ObjectProvider<Terminal> terminal) {
        this.terminal = terminal;
    }

    @Override
    public String error(String text) {
        return styled(text, AttributedStyle.DEFAULT.foreground(AttributedStyle.RED));
    }

    @Override
    public String question(String text) {
        return styled(text, AttributedStyle.BOLD);
    }

    private String styled(String text, AttributedStyle style) {
        Terminal current = terminal.getIfAvailable();
        if (current == null) {
            return text;
        }
        return new AttributedString(text, style).toAnsi(current);
    }
}
