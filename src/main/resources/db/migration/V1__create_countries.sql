-- ISO 3166-1 countries. The alpha-2 code is the key every other table refers to.
create table countries (
    code   char(2)     primary key check (code ~ '^[A-Z]{2}$'),
    alpha3 char(3)     not null unique check (alpha3 ~ '^[A-Z]{3}$'),
    name   varchar(100) not null
);
