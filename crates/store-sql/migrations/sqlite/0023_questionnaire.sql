-- A survey's questionnaire, when Tandem serves it to phones as an XForm (issue 16): the text a
-- coordinator wrote, one question a line (tandem_domain::questionnaire). NULL for a survey whose
-- responses come only from Kobo or ODK exports.
ALTER TABLE surveys ADD COLUMN questionnaire TEXT;
