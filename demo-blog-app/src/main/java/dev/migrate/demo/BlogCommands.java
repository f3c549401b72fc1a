package dev.migrate.demo;

import dev.migrate.command.Migrate;
import dev.migrate.runtime.AppliedStep;
import dev.migrate.runtime.RunResult;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The blog's own commands, at the Spring Shell prompt and as {@code java -jar demo-blog-app.jar <command>}
 * ({@link BlogCommandLine}): the seed's {@code init-db} and {@code seed-db}, and articles.
 * No boolean flags: Shell 4.0.1 misreads them after a two-word command.
 */
@Component
public class BlogCommands {

    static final String GROUP = "Blog";

    private final Articles articles;
    private final Migrate migrate;

    BlogCommands(Articles articles, Migrate migrate) {
        this.articles = articles;
        this.migrate = migrate;
    }

    @Command(name = "init-db", group = GROUP, description = "Create the database: upgrade it to the scripts' head")
    public String initDb() {
        RunResult run = migrate.upgrade("heads");
        List<String> lines = new ArrayList<>();
        for (AppliedStep step : run.steps()) {
            lines.add(step.describe());
        }
        lines.add("Initialized the database (revision " + String.join(", ", run.toHeads()) + ").");
        return String.join(System.lineSeparator(), lines);
    }

    @Command(name = "seed-db", group = GROUP, description = "Fill the database with sample articles")
    public String seedDb() {
        int written = articles.seed();
        return "Seeded the database: " + written + " new article(s), " + articles.count() + " in all.";
    }

    @Command(name = {"article", "add"}, group = GROUP, description = "Add an article")
    public String add(@Option(longName = "title", required = true, description = "the title") String title,
                      @Option(longName = "content", required = true, description = "the text") String content) {
        ArticleView article = articles.add(title, content);
        return "Added article " + article.id() + ": " + article.title();
    }

    @Command(name = {"article", "list"}, group = GROUP, description = "List the articles")
    public String list() {
        List<ArticleView> all = articles.list();
        return all.isEmpty() ? "No articles yet (seed-db writes some)." : lines(all);
    }

    @Command(name = {"article", "search"}, group = GROUP, description = "Full-text search, best match first")
    public String search(@Arguments List<String> words,
                         @Option(longName = "limit", defaultValue = "10", description = "at most this many") Integer limit) {
        String query = words == null ? "" : String.join(" ", words);
        if (query.isBlank()) {
            throw new IllegalArgumentException("give the words to search for: article search pelican");
        }
        List<ArticleView> found = articles.search(query, limit == null ? 10 : limit);
        return found.isEmpty() ? "No article matches '" + query + "'." : lines(found);
    }

    @Command(name = {"article", "categorise"}, group = GROUP,
            description = "File an article under a category (created when new)")
    public String categorise(@Option(longName = "article", required = true, description = "the article's id") Integer article,
                             @Option(longName = "category", required = true, description = "the category, e.g. news") String category) {
        return articles.categorise(article, category);
    }

    private static String lines(List<ArticleView> articles) {
        List<String> lines = new ArrayList<>();
        for (ArticleView article : articles) {
            lines.add(String.format("%4d  %s%s", article.id(), article.title(),
                    article.categories().isEmpty() ? "" : "  [" + String.join(", ", article.categories()) + "]"));
        }
        return String.join(System.lineSeparator(), lines);
    }
}
