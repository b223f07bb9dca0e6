-- a neutralized copy must not text real tenants through the production Aliyun account
UPDATE res_company
   SET sms_aliyun_access_key_secret = 'dummysecret';
