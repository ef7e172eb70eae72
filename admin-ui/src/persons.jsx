import {
  Create, Datagrid, EditButton, FormTab, List, SearchInput, SimpleForm, TabbedForm, TextField, TextInput, required,
} from 'react-admin';
import { CatalogueEdit, CatalogueToolbar, HistoryTable } from './catalogue';

export const PersonList = () => (
  <List filters={[<SearchInput key="q" source="q" alwaysOn />]} perPage={25} sort={{}}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="fullName" sortable={false} />
      <TextField source="films" sortable={false} />
      <EditButton />
    </Datagrid>
  </List>
);

export const PersonEdit = () => (
  <CatalogueEdit>
    <TabbedForm toolbar={<CatalogueToolbar fields={['fullName']} />}>
      <FormTab label="cinema.tab.details">
        <TextInput source="fullName" validate={required()} fullWidth />
      </FormTab>
      <FormTab label="cinema.tab.history" path="history">
        <HistoryTable />
      </FormTab>
    </TabbedForm>
  </CatalogueEdit>
);

export const PersonCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <TextInput source="fullName" validate={required()} fullWidth />
    </SimpleForm>
  </Create>
);
