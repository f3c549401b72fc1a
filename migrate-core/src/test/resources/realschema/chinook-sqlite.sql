PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE [Artist]
(
    [ArtistId] INTEGER  NOT NULL,
    [Name] NVARCHAR(120),
    CONSTRAINT [PK_Artist] PRIMARY KEY  ([ArtistId])
);
INSERT INTO Artist VALUES(1,'AC/DC');
INSERT INTO Artist VALUES(2,'Accept');
CREATE TABLE [Album]
(
    [AlbumId] INTEGER  NOT NULL,
    [Title] NVARCHAR(160)  NOT NULL,
    [ArtistId] INTEGER  NOT NULL,
    CONSTRAINT [PK_Album] PRIMARY KEY  ([AlbumId]),
    FOREIGN KEY ([ArtistId]) REFERENCES [Artist] ([ArtistId])
		ON DELETE NO ACTION ON UPDATE NO ACTION
);
INSERT INTO Album VALUES(1,'For Those About To Rock We Salute You',1);
CREATE TABLE [Employee]
(
    [EmployeeId] INTEGER  NOT NULL,
    [LastName] NVARCHAR(20)  NOT NULL,
    [ReportsTo] INTEGER,
    [BirthDate] DATETIME,
    [HireDate] DATETIME DEFAULT (datetime('now')),
    [Email] NVARCHAR(60),
    CONSTRAINT [PK_Employee] PRIMARY KEY  ([EmployeeId]),
    FOREIGN KEY ([ReportsTo]) REFERENCES [Employee] ([EmployeeId])
		ON DELETE NO ACTION ON UPDATE NO ACTION
);
CREATE TABLE [Invoice]
(
    [InvoiceId] INTEGER  NOT NULL,
    [CustomerId] INT  NOT NULL,
    [InvoiceDate] DATETIME  NOT NULL,
    [BillingCountry] NVARCHAR(40),
    [Total] NUMERIC(10,2)  NOT NULL,
    CONSTRAINT [PK_Invoice] PRIMARY KEY  ([InvoiceId])
);
CREATE TABLE invoice_audit(id INTEGER PRIMARY KEY AUTOINCREMENT, invoice_id INT, action TEXT, at DATETIME DEFAULT CURRENT_TIMESTAMP);
CREATE INDEX [IFK_AlbumArtistId] ON [Album] ([ArtistId]);
CREATE INDEX [IFK_EmployeeReportsTo] ON [Employee] ([ReportsTo]);
CREATE UNIQUE INDEX ix_employee_email ON Employee (lower(Email)) WHERE Email IS NOT NULL;
CREATE TRIGGER invoice_insert AFTER INSERT ON Invoice
BEGIN
    INSERT INTO invoice_audit (invoice_id, action) VALUES (NEW.InvoiceId, 'insert');
END;
CREATE TRIGGER invoice_delete AFTER DELETE ON Invoice
BEGIN
    INSERT INTO invoice_audit (invoice_id, action) VALUES (OLD.InvoiceId, 'delete; gone');
END;
CREATE TRIGGER album_title_check BEFORE UPDATE OF Title ON Album
WHEN NEW.Title = ''
BEGIN
    SELECT RAISE(ABORT, 'empty title');
END;
CREATE VIEW album_artist AS SELECT a.Title, r.Name FROM Album a JOIN Artist r ON r.ArtistId = a.ArtistId;
CREATE VIEW album_count AS SELECT Name, count(*) AS albums FROM album_artist GROUP BY Name;
CREATE VIEW invoice_totals AS SELECT BillingCountry, sum(Total) AS total FROM Invoice GROUP BY BillingCountry;
CREATE TRIGGER album_artist_insert INSTEAD OF INSERT ON album_artist
BEGIN
    INSERT INTO Album (Title, ArtistId) SELECT NEW.Title, ArtistId FROM Artist WHERE Name = NEW.Name;
END;
DELETE FROM sqlite_sequence;
COMMIT;
