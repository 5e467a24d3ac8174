-- The leaderboard's pseudonyms move out of account into a table of the gradebook's own (issue 17:
-- each table has one owner, and only the gradebook draws and reads them). The names students
-- already have are copied over, so nobody's pseudonym changes.
create table leaderboard_pseudonym (
  account_id bigint      primary key references account (id),
  pseudonym  varchar(64) not null,
  constraint leaderboard_pseudonym_unique unique (pseudonym)
);
insert into leaderboard_pseudonym (account_id, pseudonym)
  select id, pseudonym from account where pseudonym is not null;
alter table account drop constraint account_pseudonym_unique;
alter table account drop column pseudonym;
