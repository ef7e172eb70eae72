import { Admin, CustomRoutes, Layout, Menu, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import MovieIcon from '@mui/icons-material/Movie';
import PersonIcon from '@mui/icons-material/Person';
import CategoryIcon from '@mui/icons-material/Category';
import PeopleIcon from '@mui/icons-material/People';
import BadgeIcon from '@mui/icons-material/Badge';
import KeyIcon from '@mui/icons-material/Key';
import SettingsIcon from '@mui/icons-material/Settings';
import BarChartIcon from '@mui/icons-material/BarChart';
import { authProvider } from './authProvider';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { LoginPage } from './LoginPage';
import { FilmCreate, FilmEdit, FilmList } from './films';
import { PersonCreate, PersonEdit, PersonList } from './persons';
import { GenreCreate, GenreEdit, GenreList } from './genres';
import { UserEdit, UserList } from './users';
import { PermissionCreate, PermissionEdit, PermissionList, RoleCreate, RoleEdit, RoleList } from './access';
import { OperationsPage } from './operations';
import { AnalyticsPage } from './analytics';

const AppMenu = () => (
  <Menu>
    <Menu.ResourceItems />
    <Menu.Item to="/operations" primaryText="cinema.menu.operations" leftIcon={<SettingsIcon />} />
    <Menu.Item to="/analytics" primaryText="cinema.menu.analytics" leftIcon={<BarChartIcon />} />
  </Menu>
);

const AppLayout = ({ children }) => <Layout menu={AppMenu}>{children}</Layout>;

export const App = () => (
  <Admin
    title="Cinema admin"
    authProvider={authProvider}
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    loginPage={LoginPage}
    layout={AppLayout}
    requireAuth
    disableTelemetry
  >
    <Resource name="films" list={FilmList} edit={FilmEdit} create={FilmCreate} icon={MovieIcon} recordRepresentation="title" />
    <Resource name="persons" list={PersonList} edit={PersonEdit} create={PersonCreate} icon={PersonIcon} recordRepresentation="fullName" />
    <Resource name="genres" list={GenreList} edit={GenreEdit} create={GenreCreate} icon={CategoryIcon} recordRepresentation="name" />
    <Resource name="users" list={UserList} edit={UserEdit} icon={PeopleIcon} recordRepresentation="email" />
    <Resource name="roles" list={RoleList} edit={RoleEdit} create={RoleCreate} icon={BadgeIcon} recordRepresentation="name" />
    <Resource name="permissions" list={PermissionList} edit={PermissionEdit} create={PermissionCreate} icon={KeyIcon} recordRepresentation="name" />
    <CustomRoutes>
      <Route path="/operations" element={<OperationsPage />} />
      <Route path="/analytics" element={<AnalyticsPage />} />
    </CustomRoutes>
  </Admin>
);
