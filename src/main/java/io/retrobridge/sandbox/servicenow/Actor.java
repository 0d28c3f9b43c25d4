package io.retrobridge.sandbox.servicenow;

/** Who makes a change: their user_name goes into sys_created_by/sys_updated_by, their sys_id into opened_by. */
record Actor(String userName, String sysUserId) {

    static final Actor ADMIN = new Actor("admin", "");
}
