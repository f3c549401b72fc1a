-- initial clinic schema
--
-- Revision ID: 2da9a0754192
-- Revises: 
-- Create Date: 2026-12-07 17:08:29.836105
-- Branch Labels: 
-- Depends On: 

-- migrate:upgrade
CREATE TABLE owners (
    id INTEGER NOT NULL,
    postal_code VARCHAR(10),
    telephone VARCHAR(20),
    first_name VARCHAR(30) NOT NULL,
    last_name VARCHAR(30) NOT NULL,
    city VARCHAR(80) NOT NULL,
    street VARCHAR(255) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (telephone)
);
CREATE INDEX owners_last_name_idx ON owners (last_name);

CREATE TABLE pets (
    birth_date DATE,
    id INTEGER NOT NULL,
    owner_id INTEGER NOT NULL,
    version INTEGER NOT NULL,
    type VARCHAR(10) NOT NULL,
    name VARCHAR(30) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT "FK6teg4kcjcnjhduguft56wcfoa" FOREIGN KEY (owner_id) REFERENCES owners (id),
    CHECK (type in ('CAT','DOG','HAMSTER','LIZARD'))
);

CREATE TABLE specialties (
    id INTEGER NOT NULL,
    name VARCHAR(80) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT specialties_name_key UNIQUE (name)
);

CREATE TABLE vets (
    active BOOLEAN NOT NULL DEFAULT true,
    id INTEGER NOT NULL,
    first_name VARCHAR(30) NOT NULL,
    last_name VARCHAR(30) NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE vets_specialties (
    specialties_id INTEGER NOT NULL,
    vet_id INTEGER NOT NULL,
    PRIMARY KEY (specialties_id, vet_id),
    CONSTRAINT "FKlaahgthv2erojd2m2iw4y3cvn" FOREIGN KEY (specialties_id) REFERENCES specialties (id),
    CONSTRAINT "FKtoao78ifvra3xnjjhmk67g7fc" FOREIGN KEY (vet_id) REFERENCES vets (id)
);

CREATE TABLE visits (
    fee NUMERIC(10, 2),
    id INTEGER NOT NULL,
    paid BOOLEAN NOT NULL DEFAULT false,
    pet_id INTEGER NOT NULL,
    visit_date TIMESTAMP NOT NULL,
    description VARCHAR(255),
    PRIMARY KEY (id),
    CONSTRAINT "FK6jcifhlqqlsfseu67utlouauy" FOREIGN KEY (pet_id) REFERENCES pets (id)
);


-- migrate:downgrade
-- WARNING: visits: dropping the table loses all its rows
DROP TABLE visits;

-- WARNING: vets_specialties: dropping the table loses all its rows
DROP TABLE vets_specialties;

-- WARNING: vets: dropping the table loses all its rows
DROP TABLE vets;

-- WARNING: specialties: dropping the table loses all its rows
DROP TABLE specialties;

-- WARNING: pets: dropping the table loses all its rows
DROP TABLE pets;

-- WARNING: owners: dropping the table loses all its rows
DROP TABLE owners;

