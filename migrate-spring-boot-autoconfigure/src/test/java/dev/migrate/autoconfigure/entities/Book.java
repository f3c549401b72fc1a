package dev.migrate.autoconfigure.entities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;

@Entity
@Table(name = "books")
public class Book {

    public enum Format { HARDCOVER, PAPERBACK, EBOOK }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Column(nullable = false, length = 200)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Format format;

    private LocalDate publishedOn;

    @ManyToOne(optional = false)
    private Author author;

    @Version
    private int version;

    protected Book() {
    }

    public Book(String title, Format format, LocalDate publishedOn, Author author) {
        this.title = title;
        this.format = format;
        this.publishedOn = publishedOn;
        this.author = author;
    }

    public String getTitle() {
        return title;
    }

    public Author getAuthor() {
        return author;
    }
}
