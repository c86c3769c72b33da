-- The value parts kept as JSON lists are mapped by Hibernate (domain/CaseParts): a communication's participants, a
-- draft's and a letter's commitments and contacts, a draft's changes, a joint opinion's contacts. They become jsonb.
ALTER TABLE case_communication ALTER COLUMN participants TYPE jsonb USING participants::jsonb;
ALTER TABLE reply_draft ALTER COLUMN commitments TYPE jsonb USING commitments::jsonb,
                        ALTER COLUMN contacts TYPE jsonb USING contacts::jsonb,
                        ALTER COLUMN changes TYPE jsonb USING changes::jsonb;
ALTER TABLE reply_letter ALTER COLUMN commitments TYPE jsonb USING commitments::jsonb,
                         ALTER COLUMN contacts TYPE jsonb USING contacts::jsonb;
ALTER TABLE joint_opinion ALTER COLUMN contacts TYPE jsonb USING contacts::jsonb;
