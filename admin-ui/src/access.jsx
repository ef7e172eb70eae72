import {
  AutocompleteArrayInput, Create, Datagrid, Edit, EditButton, List, ReferenceArrayInput, SearchInput, SimpleForm,
  TextField, TextInput, required,
} from 'react-admin';

/** Role and permission names as the API accepts them. */
const NAME = /^[\p{L}\p{N}_.:-]+$/u;
const validName = (value) => (value && !NAME.test(value) ? 'letters, digits and _ . : - only' : undefined);

const AccessList = () => (
  <List filters={[<SearchInput key="q" source="q" alwaysOn />]} sort={{ field: 'name', order: 'ASC' }} perPage={25}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="name" />
      <TextField source="description" />
      <EditButton />
    </Datagrid>
  </List>
);

const NamedFields = () => (
  <>
    <TextInput source="name" validate={[required(), validName]} />
    <TextInput source="description" multiline fullWidth />
  </>
);

const RoleFields = () => (
  <>
    <NamedFields />
    <ReferenceArrayInput source="permissionIds" reference="permissions" perPage={100}>
      <AutocompleteArrayInput optionText="name" filterToQuery={(q) => ({ q })} fullWidth />
    </ReferenceArrayInput>
  </>
);

export const RoleList = AccessList;
export const PermissionList = AccessList;

export const RoleEdit = () => (
  <Edit mutationMode="pessimistic"><SimpleForm><RoleFields /></SimpleForm></Edit>
);
export const RoleCreate = () => (
  <Create redirect="list"><SimpleForm defaultValues={{ permissionIds: [] }}><RoleFields /></SimpleForm></Create>
);
export const PermissionEdit = () => (
  <Edit mutationMode="pessimistic"><SimpleForm><NamedFields /></SimpleForm></Edit>
);
export const PermissionCreate = () => (
  <Create redirect="list"><SimpleForm><NamedFields /></SimpleForm></Create>
);
