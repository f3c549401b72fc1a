package dev.migrate.it;

import dev.migrate.command.Migrate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A script shaped as {@code mysqldump} writes it (version-comment header lines, backquoted names, {@code #} and
 * {@code --} comments, a backslash-escaped quote, a trigger between {@code DELIMITER ;;} lines) runs as one
 * revision on MariaDB, online and as offline SQL through the {@code mariadb} client, with the same result.
 */
class MariaDbDumpScriptTest {

    private static final String DUMP = """
            /*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
            /*!40101 SET NAMES utf8mb4 */;
            /*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
            # the table
            DROP TABLE IF EXISTS `post`;
            CREATE TABLE `post` (
              `id` int(11) NOT NULL AUTO_INCREMENT,
              `title` varchar(200) NOT NULL,
              `title_length` int(11) DEFAULT NULL,
              PRIMARY KEY (`id`)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
            DELIMITER ;;
            /*!50003 CREATE*/ /*!50003 TRIGGER `post_bi` BEFORE INSERT ON `post` FOR EACH ROW BEGIN
              IF NEW.title = '' THEN SET NEW.title = 'untitled'; END IF;
              SET NEW.title_length = CHAR_LENGTH(NEW.title);
            END */;;
            DELIMITER ;
            LOCK TABLES `post` WRITE;
            /*!40000 ALTER TABLE `post` DISABLE KEYS */;
            INSERT INTO `post` VALUES (1,'It\\'s; here',NULL),(2,'',NULL);
            /*!40000 ALTER TABLE `post` ENABLE KEYS */;
            UNLOCK TABLES;
            /*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
            /*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;""";

    @TempDir
    Path tmp;

    @Test
    void aMysqldumpScriptRunsAsOneRevisionOnlineAndOffline() throws Exception {
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write("dump00000001", "", "dump", DUMP, "DROP TABLE `post`;");
        TestDatabase online = TestDatabase.mariadb();
        TestDatabase offline = TestDatabase.mariadb();

        Migrate migrate = Engines.over(online, files.directory());
        migrate.upgrade("head");
        assertThat(online.queryStrings("SELECT CONCAT(title, '/', title_length) FROM post ORDER BY id"))
                .containsExactly("It's; here/10", "untitled/8");
        online.execute("INSERT INTO post (title) VALUES ('')");
        assertThat(online.queryStrings("SELECT title FROM post WHERE id = 3")).containsExactly("untitled");

        Migrate offlineEngine = Engines.over(offline, files.directory());
        String sql = offlineEngine.upgradeSql("base:head");
        assertThat(sql).contains("DELIMITER //");
        assertThat(offline.runScriptWithCli(sql)).isEmpty();
        assertThat(offline.schema()).isEqualTo(online.schema());
        assertThat(offline.queryStrings("SELECT CONCAT(title, '/', title_length) FROM post ORDER BY id"))
                .containsExactly("It's; here/10", "untitled/8");
        assertThat(offlineEngine.current(false).revisions()).containsExactly("dump00000001");

        migrate.downgrade("base");
        assertThat(online.queryStrings("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() "
                + "AND table_name = 'post'")).containsExactly("0");
    }
}
