package dev.migrate.demo;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The JSON API, served with the {@code web} profile: {@code /api/articles}, {@code /{id}}, {@code /search?q=}. */
@RestController
@RequestMapping("/api/articles")
class ArticleApi {

    private final Articles articles;

    ArticleApi(Articles articles) {
        this.articles = articles;
    }

    @GetMapping
    List<ArticleView> list() {
        return articles.list();
    }

    @GetMapping("/{id}")
    ResponseEntity<ArticleView> one(@PathVariable int id) {
        return ResponseEntity.of(articles.find(id));
    }

    @GetMapping("/search")
    List<ArticleView> search(@RequestParam("q") String query, @RequestParam(name = "limit", defaultValue = "10") int limit) {
        return articles.search(query, limit);
    }
}
