package dev.migrate.shell.scanned;

import org.springframework.stereotype.Controller;

/** Serves web requests. */
@Controller
public class ArticleController {
}
