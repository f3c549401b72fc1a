package com.example.consumer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A user's application with the starter: its scripts in db/migrations, brought to head at startup. */
@SpringBootApplication
@RestController
public class ConsumerApplication {

    private final JdbcClient jdbc;

    public ConsumerApplication(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads the table the migration created and filled. */
    @GetMapping("/greeting")
    public String greeting() {
        return jdbc.sql("SELECT text FROM greeting WHERE id = 1").query(String.class).single();
    }

    public static void main(String[] args) {
        SpringApplication.run(ConsumerApplication.class, args);
    }
}
