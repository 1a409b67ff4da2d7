-- Administrative requests carry larger data than sends (a whitelist of many addresses).
ALTER TABLE request ALTER COLUMN intent SET DATA TYPE VARCHAR(1000000);
ALTER TABLE request ALTER COLUMN change_data SET DATA TYPE VARCHAR(1000000);
