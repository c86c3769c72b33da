-- The deputy's reply e-mail carries the letter: its document number is kept so that the very letter the event announced is attached.
ALTER TABLE notification ADD COLUMN reply_letter varchar(100);
